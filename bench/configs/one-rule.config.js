// The floor plus one core rule that finds nothing here (`no-debugger`): what ESLint itself costs once
// any rule is on, whatever the rule does. Measured on ESLint 10.15 (9.39's code is the same): the
// extra time is garbage collection, and it goes away when FileContext#extend copies the file
// context instead of using it as a prototype (`Object.create(fileContext)`); a config with no
// rules never creates one. bench/rule-context.js measures both.
import { floor } from './floor.config.js';

export default [...floor, { rules: { 'no-debugger': 'error' } }];
