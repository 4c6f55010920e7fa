import { fixtureSuite } from './fixture-suite.js';

fixtureSuite('client-factory', 12);
