import { afterEach, describe, expect, it } from 'vitest';
import { readManifests } from '../../src/doctor/manifests/read.js';
import { removeProject, tempProject } from '../cli/run-cli.js';

let root = '';
afterEach(() => removeProject(root));

const skipped = (manifests: ReturnType<typeof readManifests>) => manifests.skipped.map(({ file, line, severity, reason }) => `${severity} ${file.slice(root.length + 1)}${line ? `:${line}` : ''} ${reason}`);

describe('reading the manifests of a repository', () => {
  it('names a Helm chart as not checked without entering it, and reports malformed YAML with its line', () => {
    root = tempProject({
      'charts/agent/Chart.yaml': 'apiVersion: v2\nname: agent\n',
      'charts/agent/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
      'k8s/broken.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\n  labels: [unclosed\n',
    });
    const manifests = readManifests(root);
    expect(manifests.deployables).toEqual([]);
    expect(skipped(manifests)).toEqual([
      'skipped charts/agent Helm chart: templates are not checked (check the output of `helm template` instead)',
      expect.stringMatching(/^error k8s\/broken\.yaml:\d+ YAML error: /),
    ]);
  });

  it('skips YAML that is not a manifest, broken or not, and names templated manifests outside a chart', () => {
    root = tempProject({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
      'openapi.yaml': 'openapi: 3.0.0\npaths: [broken\n',
      'deploy/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "{{ app_name }}"\n',
      'node_modules/pkg/docker-compose.yml': 'services: { x: { image: y } }\n',
    });
    expect(skipped(readManifests(root))).toEqual(['skipped deploy/web.yaml templated YAML (`{{ }}`): not checked']);
  });

  it('collects .env.example names as the declared set, and reads files given by --manifests globs whatever their name', () => {
    root = tempProject({
      '.env.example': 'OPENAI_API_KEY=\nCREWAI_API_KEY=\n',
      'rendered/all.txt': 'apiVersion: v1\nkind: Pod\nmetadata: { name: job }\nspec:\n  containers: [{ name: job }]\n',
    });
    expect(readManifests(root).deployables).toEqual([]);
    const manifests = readManifests(root, ['rendered/*.txt']);
    expect(manifests.deployables.map((deployable) => deployable.id)).toEqual(['Pod/job']);
    expect(manifests.declared.map(({ name, at }) => `${name}:${at.line}`)).toEqual(['OPENAI_API_KEY:1', 'CREWAI_API_KEY:2']);
  });
});
