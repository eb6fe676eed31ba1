"""SQLite storage: typed SQLAlchemy models, the engine, migrations and the papers' file store."""
