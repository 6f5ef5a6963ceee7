"""Importers: tabular files (CSV, XLSX) onto the program's records."""
