"""Developer tools shared by the test suite and the benchmarks (not used at run time)."""
