using Triggers.Testing;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
