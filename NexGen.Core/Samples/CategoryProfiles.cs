namespace NexGen.Core.Samples;

/// <summary>The eight categories of the sample assortment, indexed by <see cref="SampleCategory"/>.</summary>
internal static class CategoryProfiles
{
    public static readonly IReadOnlyList<CategoryProfile> All =
    [
        new(
            SampleCategory.Beverages, "Beverages", 0.17,
            Weekly: [0.85, 0.82, 0.86, 0.95, 1.18, 1.34, 1.10],
            Bumps: [new(7, 10, 45, 0.45), new(12, 20, 8, 0.15), new(1, 25, 30, -0.15)],
            MinPrice: 0.99, MaxPrice: 8.99, PackSizes: [6, 12, 24], Supplier: "Blue River Beverage Co",
            MinLeadTime: 5, MaxLeadTime: 12, Elasticity: 1.8, Storable: true,
            Brands: ["Sunny Grove", "Fizzco", "Mountain Spring", "Brewhouse", "Citrus Bay"],
            Lines:
            [
                new("Orange Juice", ["52 oz", "89 oz"]), new("Apple Juice", ["64 oz", "96 oz"]),
                new("Cola", ["12 oz 6-Pack", "2 L", "12 oz 12-Pack"]), new("Lemon Soda", ["2 L", "12 oz 12-Pack"]),
                new("Sparkling Water", ["1 L", "12 oz 8-Pack"]), new("Spring Water", ["1 L", "16.9 oz 24-Pack"]),
                new("Iced Tea", ["18.5 oz", "64 oz"]), new("Cold Brew Coffee", ["11 oz", "48 oz"]),
                new("Energy Drink", ["16 oz", "12 oz 4-Pack"]), new("Ginger Ale", ["2 L", "12 oz 12-Pack"]),
                new("Sports Drink", ["28 oz", "20 oz 8-Pack"]), new("Cranberry Juice", ["64 oz"]),
            ]),
        new(
            SampleCategory.Snacks, "Snacks", 0.16,
            Weekly: [0.86, 0.83, 0.86, 0.93, 1.17, 1.32, 1.13],
            Bumps: [new(7, 4, 40, 0.10), new(12, 20, 8, 0.25), new(8, 20, 12, 0.10)],
            MinPrice: 1.29, MaxPrice: 6.49, PackSizes: [6, 12, 24], Supplier: "Golden Crisp Foods",
            MinLeadTime: 7, MaxLeadTime: 14, Elasticity: 1.6, Storable: true,
            Brands: ["Crunchies", "Golden Crisp", "Happy Harvest", "Nutty Acres", "Prairie Pop"],
            Lines:
            [
                new("Potato Chips", ["1 oz", "8 oz", "13 oz"]), new("Tortilla Chips", ["11 oz", "18 oz"]),
                new("Pretzels", ["10 oz", "16 oz"]), new("Popcorn", ["3-Pack", "6-Pack"]),
                new("Trail Mix", ["6 oz", "26 oz"]), new("Roasted Peanuts", ["16 oz", "34 oz"]),
                new("Granola Bars", ["6-Count", "12-Count"]), new("Wheat Crackers", ["9 oz", "16 oz"]),
                new("Cheese Puffs", ["8 oz", "15 oz"]), new("Chocolate Cookies", ["13 oz", "19 oz"]),
                new("Rice Cakes", ["4.5 oz"]), new("Beef Jerky", ["2.8 oz", "10 oz"]),
            ]),
        new(
            SampleCategory.Dairy, "Dairy", 0.13,
            Weekly: [0.92, 0.90, 0.92, 0.97, 1.06, 1.20, 1.03],
            Bumps: [new(12, 20, 8, 0.20), new(1, 20, 40, 0.05), new(7, 15, 40, -0.05)],
            MinPrice: 0.99, MaxPrice: 7.99, PackSizes: [4, 6, 12], Supplier: "Meadowbrook Farms",
            MinLeadTime: 3, MaxLeadTime: 6, Elasticity: 1.0, Storable: false,
            Brands: ["Meadowbrook", "Clover Hill", "Alpine Fresh", "Sunrise Farms"],
            Lines:
            [
                new("Whole Milk", ["Half Gallon", "Gallon"]), new("2% Milk", ["Half Gallon", "Gallon"]),
                new("Greek Yogurt", ["5.3 oz", "32 oz"]), new("Strawberry Yogurt", ["6 oz", "4-Pack"]),
                new("Cheddar Cheese", ["8 oz", "2 lb"]), new("Mozzarella", ["8 oz", "16 oz"]),
                new("Salted Butter", ["16 oz"]), new("Cream Cheese", ["8 oz"]), new("Sour Cream", ["16 oz"]),
                new("Cottage Cheese", ["16 oz", "24 oz"]), new("Large Eggs", ["12-Count", "18-Count"]),
                new("Heavy Cream", ["16 oz", "32 oz"]),
            ]),
        new(
            SampleCategory.Household, "Household", 0.12,
            Weekly: [0.86, 0.84, 0.86, 0.92, 1.02, 1.38, 1.12],
            Bumps: [new(4, 10, 30, 0.15), new(12, 15, 10, 0.10)],
            MinPrice: 1.99, MaxPrice: 19.99, PackSizes: [4, 6, 12], Supplier: "Brightway Home Supply",
            MinLeadTime: 10, MaxLeadTime: 21, Elasticity: 1.3, Storable: true,
            Brands: ["Brightway", "Fresh Linen", "PureHome", "Evergleam"],
            Lines:
            [
                new("Paper Towels", ["6 Rolls", "12 Rolls"]), new("Toilet Paper", ["12 Rolls", "24 Rolls"]),
                new("Dish Soap", ["19 oz", "38 oz"]), new("Laundry Detergent", ["50 oz", "100 oz"]),
                new("Trash Bags", ["30-Count", "80-Count"]), new("All-Purpose Cleaner", ["32 oz"]),
                new("Sponges", ["3-Pack", "6-Pack"]), new("Aluminum Foil", ["75 sq ft", "200 sq ft"]),
                new("Dishwasher Pods", ["42-Count", "81-Count"]), new("Glass Cleaner", ["23 oz"]),
                new("Light Bulbs", ["4-Pack"]), new("AA Batteries", ["8-Pack", "20-Pack"]),
            ]),
        new(
            SampleCategory.PersonalCare, "Personal Care", 0.10,
            Weekly: [0.90, 0.88, 0.90, 0.95, 1.05, 1.25, 1.07],
            Bumps: [new(7, 1, 40, 0.20), new(12, 18, 10, 0.15), new(8, 20, 12, 0.10)],
            MinPrice: 1.49, MaxPrice: 14.99, PackSizes: [6, 12, 24], Supplier: "Brightway Home Supply",
            MinLeadTime: 10, MaxLeadTime: 21, Elasticity: 1.2, Storable: true,
            Brands: ["Silkessence", "Northpeak", "Daisy Dew", "Urban Groom"],
            Lines:
            [
                new("Shampoo", ["12 oz", "25 oz"]), new("Conditioner", ["12 oz", "25 oz"]),
                new("Body Wash", ["18 oz", "30 oz"]), new("Toothpaste", ["4 oz", "2-Pack"]),
                new("Deodorant", ["2.6 oz"]), new("Bar Soap", ["4-Pack", "8-Pack"]),
                new("Sunscreen SPF 50", ["3 oz", "8 oz"]), new("Hand Lotion", ["12 oz"]),
                new("Razors", ["4-Count", "8-Count"]), new("Cotton Swabs", ["500-Count"]),
                new("Mouthwash", ["1 L", "1.5 L"]), new("Lip Balm", ["3-Pack"]),
            ]),
        new(
            SampleCategory.Frozen, "Frozen", 0.11,
            Weekly: [0.88, 0.85, 0.88, 0.94, 1.10, 1.30, 1.05],
            Bumps: [new(7, 15, 40, 0.40), new(12, 20, 8, 0.10), new(1, 30, 30, -0.10)],
            MinPrice: 2.49, MaxPrice: 11.99, PackSizes: [4, 6, 8], Supplier: "Polar Star Foods",
            MinLeadTime: 5, MaxLeadTime: 10, Elasticity: 1.5, Storable: true,
            Brands: ["Polar Star", "Glacier Kitchen", "Home Table", "Northern Chill"],
            Lines:
            [
                new("Vanilla Ice Cream", ["1.5 qt", "48 oz"]), new("Chocolate Ice Cream", ["1.5 qt", "48 oz"]),
                new("Pepperoni Pizza", ["21 oz", "2-Pack"]), new("Cheese Pizza", ["20 oz"]),
                new("Mixed Vegetables", ["12 oz", "32 oz"]), new("French Fries", ["32 oz", "5 lb"]),
                new("Chicken Nuggets", ["29 oz"]), new("Fish Sticks", ["24 oz"]),
                new("Waffles", ["10-Count", "24-Count"]), new("Ice Pops", ["12-Count", "24-Count"]),
                new("Burritos", ["8-Pack"]), new("Breaded Shrimp", ["16 oz"]),
            ]),
        new(
            SampleCategory.Bakery, "Bakery", 0.10,
            Weekly: [0.85, 0.85, 0.88, 0.92, 1.08, 1.35, 1.07],
            Bumps: [new(12, 20, 9, 0.35), new(4, 5, 15, 0.05), new(7, 20, 40, -0.05)],
            MinPrice: 1.49, MaxPrice: 6.99, PackSizes: [1, 6, 10], Supplier: "Hearthstone Bakery",
            MinLeadTime: 2, MaxLeadTime: 3, Elasticity: 0.9, Storable: false,
            Brands: ["Hearthstone", "Golden Crust", "Village Oven"],
            Lines:
            [
                new("White Bread", ["20 oz"]), new("Whole Wheat Bread", ["24 oz"]), new("Sourdough Loaf", ["24 oz"]),
                new("Bagels", ["6-Count"]), new("Croissants", ["4-Count", "12-Count"]),
                new("Blueberry Muffins", ["4-Count"]), new("Dinner Rolls", ["12-Count"]),
                new("Hamburger Buns", ["8-Count"]), new("Hot Dog Buns", ["8-Count"]),
                new("Apple Pie", ["8 in"]), new("Chocolate Cake", ["7 in"]), new("Glazed Donuts", ["6-Count", "12-Count"]),
            ]),
        new(
            SampleCategory.Produce, "Produce", 0.11,
            Weekly: [0.88, 0.86, 0.90, 0.95, 1.08, 1.33, 1.00],
            Bumps: [new(7, 5, 45, 0.25), new(12, 20, 8, 0.10), new(1, 25, 30, -0.10)],
            MinPrice: 0.49, MaxPrice: 5.99, PackSizes: [1, 5, 10], Supplier: "Green Valley Produce",
            MinLeadTime: 2, MaxLeadTime: 4, Elasticity: 1.1, Storable: false,
            Brands: ["Green Valley", "Sunfield", "Orchard Lane"],
            Lines:
            [
                new("Bananas", ["per lb"]), new("Gala Apples", ["3 lb Bag", "each"]), new("Strawberries", ["16 oz"]),
                new("Blueberries", ["6 oz", "18 oz"]), new("Avocados", ["each", "4-Count"]),
                new("Baby Carrots", ["16 oz", "2 lb"]), new("Romaine Hearts", ["3-Count"]),
                new("Tomatoes on the Vine", ["per lb"]), new("Yellow Onions", ["3 lb Bag"]),
                new("Russet Potatoes", ["5 lb Bag"]), new("Lemons", ["each", "2 lb Bag"]), new("Watermelon", ["each"]),
            ]),
    ];

    public static CategoryProfile For(SampleCategory category) => All[(int)category];
}
