"""The lesson app's own code: translations, input examples, figure builders.

``lessons.figures`` imports plotly but never streamlit, so plain pytest can
check every figure; only ``lessons.ui`` and the pages import streamlit.
"""
