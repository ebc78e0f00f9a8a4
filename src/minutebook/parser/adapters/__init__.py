"""Vendor adapters: quirks of one publishing system (Modern.gov XML and HTML) kept out of the general parser."""
