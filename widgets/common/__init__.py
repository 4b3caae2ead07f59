"""What every topic uses: paths, validation, HTML and Vega helpers, the book's dates."""
