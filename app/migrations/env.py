"""Alembic environment: always run from app.migrate with a connection handed in."""

from alembic import context

from app.schema import declared, metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things: batch mode rebuilds the table (with foreign keys off, see app.migrate).
    render_as_batch=True,
    transactional_ddl=True,
    compare_type=True,
    include_object=declared,  # what autogenerate compares
)
with context.begin_transaction():
    context.run_migrations()
