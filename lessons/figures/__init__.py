"""Figure builders: plotly figures from pooling_core results (no streamlit)."""
