import turbo from 'eslint-plugin-turbo';
import { floor } from './floor.config.js';

// eslint-plugin-turbo's env rule: the closest existing rule about env vars in scaled deployments.
export default [...floor, { plugins: { turbo }, rules: { 'turbo/no-undeclared-env-vars': 'error' } }];
