using Triggers.Testing;

// Rules import/export tests run against a private Azurite.
[assembly: AssemblyFixture(typeof(AzuriteFixture))]
