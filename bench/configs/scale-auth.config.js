import scaleAuth from '../../dist/src/index.js';
import { floor } from './floor.config.js';

export default [...floor, scaleAuth.configs.recommended];
