using Triggers.Deploy.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(InfraFixture))]
