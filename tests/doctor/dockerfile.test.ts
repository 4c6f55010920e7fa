import { describe, expect, it } from 'vitest';
import { readDockerfile } from '../../src/doctor/manifests/dockerfile.js';

const names = (config: ReturnType<typeof readDockerfile>) => config.env.map((injection) => `${injection.name}:${injection.at.line}`);

describe('readDockerfile', () => {
  it('takes CMD, WORKDIR and ENV names (both forms) of the final stage and what it inherits', () => {
    const config = readDockerfile(
      [
        'FROM node:20 AS base',
        'ENV NODE_ENV=production \\',
        '    OPENAI_BASE_URL="https://api.example.com/v1"',
        'WORKDIR /app',
        '',
        'FROM base AS build',
        'RUN npm ci && npm run build',
        '',
        '# the image that runs',
        'FROM base AS runtime',
        'ENV LOG_LEVEL info',
        'CMD ["node", "dist/server/main.js"]',
      ].join('\n'),
      '/repo/Dockerfile',
    );
    expect(config.command).toEqual({ argv: ['node', 'dist/server/main.js'], at: { file: '/repo/Dockerfile', line: 12 } });
    expect(config.workingDir).toBe('/app');
    expect(names(config)).toEqual(['NODE_ENV:2', 'OPENAI_BASE_URL:2', 'LOG_LEVEL:11']);
  });

  it('runs a shell-form CMD through /bin/sh -c; a new ENTRYPOINT drops the inherited CMD', () => {
    expect(readDockerfile('FROM node:20\nCMD node dist/a.js && echo done\n', 'Dockerfile').command?.argv).toEqual(['/bin/sh', '-c', 'node dist/a.js && echo done']);
    const config = readDockerfile('FROM node:20 AS base\nCMD ["node", "a.js"]\nFROM base\nENTRYPOINT ["node", "b.js"]\n', 'Dockerfile');
    expect(config.entrypoint?.argv).toEqual(['node', 'b.js']);
    expect(config.command).toBeUndefined();
  });

  it('picks the target stage when a build names one', () => {
    const source = 'FROM node:20 AS worker\nCMD ["node", "worker.js"]\nFROM node:20 AS web\nCMD ["node", "web.js"]\n';
    expect(readDockerfile(source, 'Dockerfile', 'worker').command?.argv).toEqual(['node', 'worker.js']);
    expect(readDockerfile(source, 'Dockerfile').command?.argv).toEqual(['node', 'web.js']);
  });
});
