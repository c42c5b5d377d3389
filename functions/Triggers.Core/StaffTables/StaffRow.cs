namespace Triggers.Core.StaffTables;

/// <summary>A row of a table operations staff edit (Scoring, Portfolio) as typed: the core compiles and checks it.</summary>
public sealed record StaffRow(string Tenant, string Row, IReadOnlyDictionary<string, object?> Properties);

/// <summary>Reads every row of one staff-edited table.</summary>
public interface IStaffRowSource
{
    Task<IReadOnlyList<StaffRow>> LoadAsync(CancellationToken cancellationToken);
}
