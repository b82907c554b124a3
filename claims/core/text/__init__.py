"""Text stage: raw inputs to documents, paragraphs, sentences and claim spans."""
