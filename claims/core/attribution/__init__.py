"""Attribution stage: cues, speaker phrases, source names, references and chains."""
