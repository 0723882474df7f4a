"""Reports: how the service did over a date range, read from stored records.

``service`` loads the records and builds a report (the figures themselves are defined in
``backend/domain/figures.py``); ``files`` writes it as JSON, CSV or XLSX.
"""
