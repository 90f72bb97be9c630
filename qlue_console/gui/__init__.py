"""The Qt layer: windows, controllers, Qt item models, the map bridge and the one
background-work helper. It calls the data layer's functions and never writes SQL."""
