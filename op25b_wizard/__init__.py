"""op25b-wizard: gets a mail client sending again when the network blocks outbound port 25."""

__version__ = "0.1.0"
APP_NAME = "op25b-wizard"
