"""Plain data, the annotation schema, the text pipeline and errors (standard library only)."""
