import { afterEach, describe, expect, it } from 'vitest';
import { readManifests } from '../../src/doctor/manifests/read.js';
import { removeProject, tempProject } from '../cli/run-cli.js';
import { deployment, summary } from './helpers.js';

let root = '';
afterEach(() => removeProject(root));

describe('Kubernetes manifests', () => {
  it('reads env (value, secretKeyRef, configMapKeyRef) and envFrom resolved against Secrets and ConfigMaps in other files', () => {
    root = tempProject({
      'k8s/web.yaml': deployment('web', `        - name: web
          image: ghcr.io/acme/app:1
          command: ["node"]
          args: ["dist/server/main.js"]
          env:
            - name: PORT
              value: "3000"
            - name: CREWAI_API_KEY
              valueFrom:
                secretKeyRef: { name: crew, key: api-key }
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef: { name: settings, key: level }
          envFrom:
            - secretRef:
                name: llm-keys
            - prefix: APP_
              configMapRef:
                name: settings
`),
      'k8s/secrets.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: llm-keys
stringData:
  OPENAI_API_KEY: sk-do-not-print
data:
  ANTHROPIC_API_KEY: c2stYW50LXNlY3JldA==
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  REGION: eu
`,
    });
    const manifests = readManifests(root);
    expect(manifests.skipped).toEqual([]);
    expect(manifests.deployables.map((deployable) => summary(deployable, root))).toEqual([
      {
        id: 'Deployment/web',
        injected: [
          'PORT@k8s/web.yaml:14 env',
          'CREWAI_API_KEY@k8s/web.yaml:16 secret crew key api-key',
          'LOG_LEVEL@k8s/web.yaml:19 configMap settings key level',
          'ANTHROPIC_API_KEY@k8s/web.yaml:24 envFrom secret llm-keys (Secret)',
          'OPENAI_API_KEY@k8s/web.yaml:24 envFrom secret llm-keys (Secret)',
          'APP_REGION@k8s/web.yaml:27 envFrom configMap settings (ConfigMap)',
        ],
        opaque: [],
      },
    ]);
    expect(manifests.deployables[0]?.start).toMatchObject({ entrypoint: { argv: ['node'] }, command: { argv: ['dist/server/main.js'] }, image: 'ghcr.io/acme/app:1', root });
    expect(JSON.stringify(manifests)).not.toMatch(/sk-do-not-print|c2stYW50/);
  });

  it('names a secretRef whose Secret is not in the repository as an opaque source', () => {
    root = tempProject({ 'deploy/worker.yml': deployment('worker', '        - name: worker\n          image: app\n          envFrom:\n            - secretRef: { name: crew-credentials }\n') });
    expect(readManifests(root).deployables.map((deployable) => summary(deployable, root))).toEqual([
      { id: 'Deployment/worker', injected: [], opaque: ['secret crew-credentials@deploy/worker.yml:12'] },
    ]);
  });

  it('reads StatefulSet, DaemonSet, Job, CronJob and Pod; several containers and init containers are one deployable each', () => {
    root = tempProject({
      'k8s/all.yaml': [
        'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: nightly }\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: job\n              env: [{ name: GROQ_API_KEY, value: x }]\n',
        'apiVersion: v1\nkind: Pod\nmetadata: { name: debug }\nspec:\n  containers:\n    - name: shell\n',
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db }\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: migrate\n          env: [{ name: DATABASE_URL, value: x }]\n      containers:\n        - name: app\n        - name: proxy\n',
        'apiVersion: batch/v1\nkind: Job\nmetadata: { name: once }\nspec:\n  template:\n    spec:\n      containers: [{ name: run }]\n',
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: agent }\nspec:\n  template:\n    spec:\n      containers: [{ name: run }]\n',
        'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  ports: [{ port: 80 }]\n',
      ].join('---\n'),
    });
    expect(readManifests(root).deployables.map((deployable) => deployable.id)).toEqual([
      'CronJob/nightly', 'Pod/debug', 'StatefulSet/db/app', 'StatefulSet/db/proxy', 'StatefulSet/db/migrate', 'Job/once', 'DaemonSet/agent',
    ]);
    expect(summary(readManifests(root).deployables[0]!, root).injected).toEqual(['GROQ_API_KEY@k8s/all.yaml:12 env']);
  });

  it('takes key names from SealedSecrets and ExternalSecrets; an ExternalSecret with dataFrom cannot be verified', () => {
    root = tempProject({
      'k8s/app.yaml': deployment('app', '        - name: app\n          envFrom:\n            - secretRef: { name: sealed }\n            - secretRef: { name: external }\n            - secretRef: { name: everything }\n'),
      'k8s/secrets.yaml': [
        'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: { name: sealed }\nspec:\n  encryptedData:\n    OPENAI_API_KEY: AgBy8hCi\n',
        'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: { name: ext }\nspec:\n  target: { name: external }\n  data:\n    - secretKey: TAVILY_API_KEY\n      remoteRef: { key: prod/tavily }\n',
        'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: { name: everything }\nspec:\n  dataFrom:\n    - extract: { key: prod/all }\n',
      ].join('---\n'),
    });
    expect(summary(readManifests(root).deployables[0]!, root)).toEqual({
      id: 'Deployment/app',
      injected: ['OPENAI_API_KEY@k8s/app.yaml:11 envFrom secret sealed (SealedSecret)', 'TAVILY_API_KEY@k8s/app.yaml:12 envFrom secret external (ExternalSecret)'],
      opaque: ['secret everything (ExternalSecret with keys from outside the repository)@k8s/app.yaml:13'],
    });
  });

  it('reads a List of objects, and tells the same workload in two overlays apart by file', () => {
    root = tempProject({
      'overlays/staging/app.yaml': 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: { name: web }\n    spec:\n      template:\n        spec:\n          containers: [{ name: web }]\n',
      'overlays/prod/app.yaml': deployment('web', '        - name: web\n'),
    });
    expect(readManifests(root).deployables.map((deployable) => deployable.id)).toEqual([
      'Deployment/web (overlays/prod/app.yaml)',
      'Deployment/web (overlays/staging/app.yaml)',
    ]);
  });
});
