"""Alembic environment: runs on the connection handed over by ``annotator.store.migrate``."""

from alembic import context
from sqlalchemy import create_engine

from annotator.store.tables import Base

target_metadata = Base.metadata
config = context.config


def run() -> None:
    """Run migrations on the given connection, or on ``sqlalchemy.url`` (for ``alembic revision``)."""
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as conn:
            context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
