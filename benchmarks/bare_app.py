"""The floor: a bare Streamlit page with one Plotly heatmap and nothing else.

benchmarks.load and benchmarks.app measure it beside the lesson pages, in the
same run, as what Streamlit and Plotly alone cost on this machine.

    streamlit run benchmarks/bare_app.py
"""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(layout="wide")
st.title("baseline")
st.plotly_chart(go.Figure(go.Heatmap(z=[[1, 2], [3, 4]])))
