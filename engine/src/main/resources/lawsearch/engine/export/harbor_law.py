

def law(input_data: list[dict], group: str) -> list[dict]:
    """Predicts the target column(s) for each row of input_data (dicts keyed by feature column)
    with the constants fitted for `group`."""
    coeffs = COEFFS.get(group)
    if coeffs is None:
        coeffs = COEFFS[next(iter(COEFFS))]   # an unseen group: the first group's constants
    X = np.array([[float(row[c]) if c in USED else float(row.get(c, np.nan)) for c in FEATURES]
                  for row in input_data], dtype=float).reshape(len(input_data), len(FEATURES))
    preds = {t: _law(X, np.asarray(coeffs[t], dtype=float)) for t in TARGETS}
    return [{t: float(preds[t][i]) for t in TARGETS} for i in range(len(input_data))]
