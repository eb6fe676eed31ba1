"""Word, PDF, Excel, calendar and email documents, built from plain data.

Nothing here opens a Session or imports Qt; services gather the data and pass it in.
Heavy libraries are imported inside functions, so the window never pays for them at start.
"""
