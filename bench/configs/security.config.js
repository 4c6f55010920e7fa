import security from 'eslint-plugin-security';
import { floor } from './floor.config.js';

export default [...floor, security.configs.recommended];
