"""Random number generation and the generator's state (TCLIBTORCH's random_number_generation)."""

SPECS = []
