import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, propertyName, unwrapTypes, valueParent } from '../src/analysis/ast.js';
import type { CreationContext } from '../src/analysis/client-creation.js';
import { authHeaderProperties, credentialSetterCall, defaultHeaderAssignment, moduleStateTarget, relayCall, setterAssignment } from '../src/analysis/forwarding-sinks.js';
import { collectImports } from '../src/analysis/imports.js';
import { outermostFunction } from '../src/analysis/module-scope.js';
import { RequestFlow, type RequestValueTrace } from '../src/analysis/request-flow.js';
import { RequestSources } from '../src/analysis/request-sources.js';
import { clientOfCall, serviceClient, type ServiceClient } from '../src/analysis/service-clients.js';
import { TOKEN_VERIFIER_CALL } from '../src/catalog/forwarding.js';
import { matchesModulePattern } from '../src/catalog/module-pattern.js';
import { MCP_SDK_MODULE } from '../src/catalog/request-frameworks.js';
import { isAllowedFile } from '../src/allow.js';
import { createRule } from '../src/create-rule.js';
import { mentionsAuthorization } from '../src/analysis/file-gates.js';
import { readSettings } from '../src/settings.js';

type Node = TSESTree.Node;

export type Options = [
  {
    /** Globs of files that forward the caller's Authorization on purpose (an OpenAI-compatible gateway). */
    allow?: string[];
    /** Also report the token relayed to downstream services with `fetch`, axios, got or ky. */
    tokenRelay?: boolean;
  },
];
export type MessageIds = 'forwardedAuthorization' | 'forwardedLoginToken' | 'tokenPassthrough' | 'requestCredentialInModuleState' | 'tokenRelay';

/** What the codemod needs to know about a spot: which kind of sink holds the forwarded value. */
export type SinkKind = 'option' | 'argument' | 'header' | 'setter' | 'state' | 'relay';

interface Finding {
  node: Node;
  kind: SinkKind;
  trace: RequestValueTrace;
  /** The option, header, argument or setter: `apiKey`, `Authorization`, `setApiKey`, or the state's name. */
  credential: string;
  client?: ServiceClient;
}

const FIX = 'authenticate {{client}} with {{serviceCredential}} (codemod: service-credential).';

export default createRule<Options, MessageIds>({
  name: 'no-forwarded-authorization',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow forwarding a request's Authorization value as a service client's credential",
      recommended: true,
      codemod: 'service-credential',
    },
    messages: {
      forwardedAuthorization:
        "`{{credential}}` of {{client}} is the caller's `{{source}}`. That token belongs to your app's users, not to {{provider}}, " +
        'and it is gone once the work leaves the request (a queued job, a worker, a retry): ' + FIX,
      forwardedLoginToken:
        "`{{credential}}` of {{client}} is the caller's `{{source}}`, which this handler also verifies as the app's own login token: " +
        'a user session token is not a {{provider}} credential and expires with the session; ' + FIX,
      tokenPassthrough:
        "`{{credential}}` of {{client}} passes this MCP server's inbound token (`{{source}}`) upstream: token passthrough, " +
        'which the MCP authorization spec forbids; ' + FIX,
      requestCredentialInModuleState:
        "`{{credential}}` is module state shared by every concurrent request, and this handler stores the caller's `{{source}}` in it: " +
        "under load one request runs with another user's credential. Keep it per request: pass it down as an argument, or use AsyncLocalStorage.",
      tokenRelay:
        "`{{credential}}` relays the caller's `{{source}}` to `{{client}}`: the call acts with the user's token and works only while the request lives. " +
        'Use a service credential, or exchange the token for one meant for that service.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            description: "Globs of files that forward the caller's Authorization on purpose, such as an OpenAI-compatible gateway route.",
          },
          tokenRelay: {
            type: 'boolean',
            description: "Also report the caller's token relayed to downstream services with fetch, axios, got or ky.",
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], tokenRelay: false }],
  },
  defaultOptions: [{ allow: [], tokenRelay: false }],
  create(context, [options]) {
    const { sourceCode } = context;
    if (!mentionsAuthorization(sourceCode.text)) return {};
    if (isAllowedFile(context.filename, context.cwd, options.allow ?? [])) return {};
    const imports = collectImports(sourceCode.ast);
    const settings = readSettings(context.settings);
    const creationContext: CreationContext = { imports, sourceCode, settings };
    const flow = new RequestFlow(new RequestSources({ sourceCode, imports }), sourceCode);
    const isMcpServer = [...imports.values()].some((imported) => matchesModulePattern(MCP_SDK_MODULE, imported.module));

    const findings: Finding[] = [];
    /** Handlers that verify the request's token as the app's own login (jwt.verify, getUser…). */
    const verifying = new Set<Node>();

    function add(node: Node, kind: SinkKind, value: Node, credential: string, client?: ServiceClient): boolean {
      const trace = flow.trace(value);
      if (trace) findings.push({ node, kind, trace, credential, ...(client ? { client } : {}) });
      return trace !== undefined;
    }

    function checkClient(node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
      const client = serviceClient(node, creationContext);
      if (!client) return false;
      for (const value of client.credentials) {
        const { parent, child } = valueParent(value);
        if (parent?.type === AST_NODE_TYPES.Property && parent.value === child) {
          const name = propertyName(parent) ?? 'credential';
          add(parent, /^(proxy-)?authorization$/i.test(name) || isUnderHeaders(parent) ? 'header' : 'option', value, name, client);
        } else {
          add(child, 'argument', value, `argument ${node.arguments.indexOf(child as TSESTree.CallExpressionArgument) + 1}`, client);
        }
      }
      return true;
    }

    function checkCall(node: TSESTree.CallExpression): void {
      if (TOKEN_VERIFIER_CALL.test(calleeName(node.callee) ?? '') && node.arguments.some((argument) => flow.trace(argument))) {
        const handler = outermostFunction(node);
        if (handler) verifying.add(handler);
      }
      // A method of a client made in this file (`openai.chat.completions.create`) is a call, not a new client.
      const sdk = clientOfCall(node, creationContext);
      if (sdk) {
        for (const property of node.arguments.flatMap(authHeaderProperties)) add(property, 'header', property.value, propertyName(property) ?? 'Authorization', sdk);
      }
      const setter = credentialSetterCall(node, creationContext);
      if (setter) add(setter.value, 'setter', setter.value, setter.name, setter.client);
      if (sdk || setter || checkClient(node)) return;
      const relay = options.tokenRelay ? relayCall(node, sourceCode) : undefined;
      if (relay) for (const property of relay.headers) add(property, 'relay', property.value, propertyName(property) ?? 'Authorization', relay.client);
    }

    function checkAssignment(node: TSESTree.AssignmentExpression): void {
      const setter = setterAssignment(node, creationContext) ?? defaultHeaderAssignment(node, sourceCode);
      if (setter) {
        add(node, 'setter', node.right, setter.name, setter.client);
        return;
      }
      const state = moduleStateTarget(node.left, sourceCode);
      if (!state) return;
      const right = unwrapTypes(node.right);
      const values = right.type === AST_NODE_TYPES.ObjectExpression ? right.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? property.value : property.argument)) : [right];
      for (const value of values) if (add(node, 'state', value, state)) return;
    }

    function messageId(finding: Finding): MessageIds {
      if (finding.kind === 'state') return 'requestCredentialInModuleState';
      if (finding.kind === 'relay') return 'tokenRelay';
      if (finding.trace.source.kind === 'mcp-token' || isMcpServer) return 'tokenPassthrough';
      const handler = outermostFunction(finding.node);
      return handler && verifying.has(handler) ? 'forwardedLoginToken' : 'forwardedAuthorization';
    }

    return {
      NewExpression: (node) => void checkClient(node),
      CallExpression: checkCall,
      AssignmentExpression: checkAssignment,
      'Program:exit'() {
        for (const finding of findings) {
          const { client, trace } = finding;
          context.report({
            node: finding.node,
            messageId: messageId(finding),
            data: {
              credential: finding.credential,
              client: client?.label ?? '',
              provider: client?.provider ?? 'that service',
              source: trace.source.text,
              envVar: client?.envVar ?? '',
              serviceCredential: client?.envVar ? `its own key from the environment (${client.envVar})` : 'its own credential from the environment',
              kind: finding.kind,
              locals: trace.locals.map((local) => local.name).join(','),
            },
          });
        }
      },
    };
  },
});

/** `{ headers: { "x-api-key": … } }`: a header, not an option. */
function isUnderHeaders(property: TSESTree.Property): boolean {
  const holder = property.parent.parent;
  return holder?.type === AST_NODE_TYPES.Property && /headers$/i.test(propertyName(holder) ?? '');
}
