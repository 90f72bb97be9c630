"""The map pane: a folium-built Leaflet page in a QWebEngineView, fed over QWebChannel.

``page`` is plain Python (builds the HTML, encodes markers); ``bridge`` is the QObject the page
talks to; ``map_view.MapView`` is the widget. ``map.js`` is the page's own script.
"""
