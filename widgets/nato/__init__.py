"""NATO: accession (Part I) and the consensus tracker (Myth 3)."""
