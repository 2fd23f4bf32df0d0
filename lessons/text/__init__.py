"""Per-lesson translation tables, merged by :mod:`lessons.i18n`."""
