// Every test file uses xunit; one global using keeps the per-file using lists to what is particular to each.
global using Xunit;
