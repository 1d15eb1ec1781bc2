namespace NexGen.Core.Replenishment.Simulation;

/// <summary>
/// Stock of one item under one policy, period by period. Demand beyond what is on hand is lost (a shopper facing an
/// empty shelf buys elsewhere) or, with backorders, owed and served first from the next receipts. Inventory position =
/// on hand + on order - backorders. An order placed at the end of period t is received at the start of period t + L + 1.
/// </summary>
sealed class InventoryLedger
{
    readonly int _from, _to, _leadTime, _reviewPeriod;
    readonly bool _periodicCycles, _backorders;
    readonly double[] _arrivals;
    readonly bool[] _stockOut;
    readonly List<int> _reviews = [], _receipts = [];
    double _demand, _served, _inventory;
    int _orders;

    /// <param name="from">First simulated period.</param>
    /// <param name="to">Last simulated period, inclusive.</param>
    /// <param name="leadTime">L in whole periods.</param>
    /// <param name="reviewPeriod">R in periods (cycles of periodic policies).</param>
    /// <param name="periodicCycles">
    /// True: a cycle is what one review protects, periods t + L + 1 .. t + L + R after a review at t, whether it
    /// ordered or not. False (continuous review): a cycle runs from one receipt to the period before the next.
    /// </param>
    /// <param name="onHand">Starting stock in units.</param>
    /// <param name="backorders">True: unmet demand is owed; false: it is lost.</param>
    public InventoryLedger(int from, int to, int leadTime, int reviewPeriod, bool periodicCycles, double onHand, bool backorders)
    {
        (_from, _to, _leadTime, _reviewPeriod, _periodicCycles, _backorders) = (from, to, leadTime, reviewPeriod, periodicCycles, backorders);
        _arrivals = new double[to - from + 1];
        _stockOut = new bool[to - from + 1];
        OnHand = onHand;
    }

    /// <summary>Units on hand now.</summary>
    public double OnHand { get; private set; }

    /// <summary>Units ordered and not yet received.</summary>
    public double OnOrder { get; private set; }

    /// <summary>Units owed to customers (always 0 with lost sales).</summary>
    public double Backorders { get; private set; }

    /// <summary>
    /// Receives what arrives at the start of period t, serves what is owed, then serves the period's demand from
    /// stock; only demand served in its own period counts as served (fill rate).
    /// </summary>
    public void Serve(int t, double demand)
    {
        var received = _arrivals[t - _from];
        if (received > 0)
        {
            OnHand += received;
            OnOrder -= received;
            _receipts.Add(t);
        }
        var owed = Math.Min(OnHand, Backorders);
        OnHand -= owed;
        Backorders -= owed;
        var served = Math.Min(OnHand, demand);
        OnHand -= served;
        if (_backorders)
            Backorders += demand - served;
        _demand += demand;
        _served += served;
        _inventory += OnHand;
        // Whole units are ordered but forecasts and demand estimates are fractional: ignore float dust.
        _stockOut[t - _from] = demand - served > 1e-6;
    }

    /// <summary>Records a review at the end of period t (periodic cycles count from it).</summary>
    public void Review(int t) => _reviews.Add(t);

    /// <summary>Places an order at the end of period t; nothing for a quantity &lt;= 0.</summary>
    public void Order(int t, double quantity)
    {
        if (quantity <= 0)
            return;
        _orders++;
        OnOrder += quantity;
        var arrival = t + _leadTime + 1;
        if (arrival <= _to)
            _arrivals[arrival - _from] += quantity;
    }

    /// <summary>The totals over the window.</summary>
    /// <param name="unitCost">Cost per unit; null when unknown.</param>
    public SimulationMetrics Metrics(double? unitCost)
    {
        var periods = _to - _from + 1;
        var (cycles, withStockOut) = _periodicCycles ? PeriodicCycles() : ReceiptCycles();
        var average = _inventory / periods;
        return new SimulationMetrics(_demand, _served, cycles, withStockOut, _stockOut.Count(s => s), average,
            unitCost is { } cost ? average * cost : null, _orders, _demand / periods);
    }

    (int Cycles, int WithStockOut) PeriodicCycles()
    {
        int cycles = 0, withStockOut = 0;
        foreach (var review in _reviews)
        {
            var first = review + _leadTime + 1;
            var last = review + _leadTime + _reviewPeriod;
            if (first < _from || last > _to)
                continue;
            cycles++;
            if (StockOutBetween(first, last))
                withStockOut++;
        }
        return (cycles, withStockOut);
    }

    (int Cycles, int WithStockOut) ReceiptCycles()
    {
        int cycles = 0, withStockOut = 0;
        for (var i = 1; i < _receipts.Count; i++)
        {
            cycles++;
            if (StockOutBetween(_receipts[i - 1], _receipts[i] - 1))
                withStockOut++;
        }
        return (cycles, withStockOut);
    }

    bool StockOutBetween(int first, int last)
    {
        for (var t = first; t <= last; t++)
            if (_stockOut[t - _from])
                return true;
        return false;
    }
}
