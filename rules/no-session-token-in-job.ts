import type { TSESTree } from '@typescript-eslint/utils';
import { CallChains } from '../src/analysis/call-chains.js';
import { collectImports } from '../src/analysis/imports.js';
import { walkPayload } from '../src/analysis/job-payloads.js';
import { JobSinks, mentionsSink, queueSinks, type SinkNode } from '../src/analysis/job-sinks.js';
import { RequestFlow } from '../src/analysis/request-flow.js';
import { RequestSources } from '../src/analysis/request-sources.js';
import { SessionTokens, type TokenSource } from '../src/analysis/session-tokens.js';
import { createRule } from '../src/create-rule.js';
import { mentionsUserCredentialSource } from '../src/analysis/file-gates.js';
import { readSettings } from '../src/settings.js';

export type Options = [];
export type MessageIds = 'tokenInPayload' | 'requestInPayload';

const LATER =
  'The job runs later, in another process, where a user\'s session token may have expired or belong to another auth domain: ' +
  'let the worker use a service credential and carry only ids (such as the user id) in the payload (codemod: job-credential).';

/** How a source reads in a message: what it is, and the code that reads it (never its value). */
function describe(source: TokenSource): string {
  switch (source.kind) {
    case 'authorization':
      return `the request's Authorization value (\`${source.text}\`)`;
    case 'header-map':
      return `the request's whole header map (\`${source.text}\`)`;
    case 'request-event':
      return `the whole request event \`${source.text}\` and its headers`;
    case 'session':
      return `the user's session (\`${source.text}\`)`;
    case 'cookie':
      return `the user's session cookie (\`${source.text}\`)`;
    case 'minted':
      return `a token minted in the web tier (\`${source.text}\`)`;
    case 'named':
      return `\`${source.text}\`, named like a user's token`;
    case 'key':
      return 'a value that is not a service credential from the environment';
  }
}


export default createRule<Options, MessageIds>({
  name: 'no-session-token-in-job',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow user session tokens, request headers and cookies in queued job payloads',
      recommended: true,
      codemod: 'job-credential',
    },
    messages: {
      tokenInPayload: `{{where}} carries {{what}}. ${LATER}`,
      requestInPayload: `{{where}} carries {{what}}, with the caller's Authorization header and cookies. ${LATER}`,
    },
    schema: [],
    defaultOptions: [],
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const settings = readSettings(context.settings);
    const sinks = queueSinks(settings);
    if (!mentionsUserCredentialSource(sourceCode.text) || !mentionsSink(sinks, sourceCode.text)) return {};
    const imports = collectImports(sourceCode.ast);
    const jobSinks = new JobSinks(sinks, new CallChains({ sourceCode, imports, filename: context.filename }), sourceCode);
    // Built for the first call that is a sink: most files that pass the text gates have none.
    let tokens: SessionTokens | undefined;
    const sessionTokens = (): SessionTokens => {
      if (tokens) return tokens;
      const requests = new RequestSources({ sourceCode, imports });
      return (tokens = new SessionTokens({ sourceCode, imports, requests, flow: new RequestFlow(requests, sourceCode), envHelpers: settings.envHelpers }));
    };
    const reported = new Set<TSESTree.Node>();

    function check(node: SinkNode): void {
      const call = jobSinks.match(node);
      if (!call) return;
      for (const payload of call.payloads) {
        walkPayload(payload, sourceCode, (entry) => {
          const key = entry.path.at(-1);
          const source = sessionTokens().classify(entry.value, key === '[]' ? undefined : key);
          if (!source) return false;
          const at = entry.holder ?? entry.value;
          if (reported.has(at)) return true;
          reported.add(at);
          const field = entry.path.join('.');
          const family = call.sink.family;
          context.report({
            node: at,
            messageId: source.kind === 'header-map' || source.kind === 'request-event' ? 'requestInPayload' : 'tokenInPayload',
            data: {
              where: field ? `\`${field}\` in this ${family} job payload` : `This ${family} job payload`,
              what: describe(source),
              field,
              family,
              queue: call.queue ?? '',
              kind: source.kind,
              source: source.text,
              sink: `${node.range[0]}:${node.range[1]}`,
            },
          });
          return true;
        });
      }
    }

    return { CallExpression: check, NewExpression: check };
  },
});
