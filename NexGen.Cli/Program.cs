Console.WriteLine("nexgen");
