// Where the shared sample stacks live (beside the repository), for tests.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLES = fileURLToPath(new URL('../../../../../shared/samples/middleware/', import.meta.url));
export const sample = (rel: string): string => readFileSync(join(SAMPLES, rel), 'utf8');
