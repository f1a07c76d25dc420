// The command list. Add a command: write commands/<name>.ts exporting `register`, add it here.
import type { Register } from '../main.js';
import { register as collect } from './collect.js';
import { register as ci } from './ci.js';
import { register as graph } from './graph.js';
import { register as diff } from './diff.js';

export const commands: Register[] = [collect, ci, graph, diff];
