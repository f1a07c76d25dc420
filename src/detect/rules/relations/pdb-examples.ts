// Example PodDisruptionBudget for the metadata examples of the PDB relation checks.
import { obj } from '../../util/examples.js';

export const pdb = (spec: Record<string, unknown>, app = 'web') => obj('policy/v1', 'PodDisruptionBudget', 'web', { spec: { selector: { matchLabels: { app } }, ...spec } });
