import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import {
  HorizontalPodAutoscaler,
  type IHorizontalPodAutoscaler,
} from 'kubernetes-models/autoscaling/v2';
import { Job, type IJob } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  ConfigMap,
  Namespace,
  Secret,
  Service,
  type IConfigMap,
  type IContainer,
  type IPodSpec,
  type ISecret,
  type IService,
} from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/env';
import { MIGRATE_COMMAND } from '@/server/db/migrate';
import { dockerInstructions, parseYamlFile, readRepositoryFile, ROOT } from './files';

const FOLDER = 'deploy/kubernetes';

const MODELS = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
} as const;

interface Kustomization {
  apiVersion: string;
  kind: string;
  namespace: string;
  resources: string[];
  images: { name: string }[];
}

const kustomization = parseYamlFile(`${FOLDER}/kustomization.yaml`)[0] as Kustomization;
const manifests = kustomization.resources.flatMap((file) =>
  parseYamlFile(`${FOLDER}/${file}`).map((document) => ({
    file,
    document: document as { apiVersion: string; kind: string; metadata: { name: string } },
  })),
);

function only<T>(kind: string): T {
  const found = manifests.filter(({ document }) => document.kind === kind);
  expect(found, `exactly one ${kind}`).toHaveLength(1);
  return found[0]!.document as T;
}

const deployment = only<IDeployment>('Deployment');
const job = only<IJob>('Job');
const configMap = only<IConfigMap>('ConfigMap');
const secrets = manifests
  .filter(({ document }) => document.kind === 'Secret')
  .map(({ document }) => document as ISecret);
/** The pods' secrets, and the owner's login, which only the migration Job gets. */
const secret = secrets.find((found) => found.metadata!.name === 'clientele-secrets')!;
const migrationSecret = secrets.find(
  (found) => found.metadata!.name === 'clientele-migration-secrets',
)!;
const service = only<IService>('Service');
const pdb = only<IPodDisruptionBudget>('PodDisruptionBudget');
const hpa = only<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler');
const podSpec = deployment.spec!.template.spec!;
const container = podSpec.containers[0]!;
const podLabels = deployment.spec!.template.metadata!.labels!;

const dockerfile = dockerInstructions(readRepositoryFile('deploy/Dockerfile'));
const imagePort = Number(dockerfile.findLast((i) => i.keyword === 'EXPOSE')?.args);
const imageCommand = JSON.parse(dockerfile.findLast((i) => i.keyword === 'CMD')!.args) as string[];

function expectHardened(spec: IPodSpec, main: IContainer, extraSecrets: ISecret[] = []) {
  expect(spec.automountServiceAccountToken).toBe(false);
  expect(spec.securityContext).toMatchObject({
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(main.securityContext).toMatchObject({
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(main.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
  expect(main.resources?.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
  expect(main.envFrom).toEqual([
    { configMapRef: { name: configMap.metadata!.name } },
    ...[secret, ...extraSecrets].map((given) => ({ secretRef: { name: given.metadata!.name } })),
  ]);
  const emptyDirs = new Set(spec.volumes?.filter((v) => v.emptyDir).map((v) => v.name));
  const writable = main.volumeMounts?.filter((mount) => emptyDirs.has(mount.name));
  expect(writable?.map((mount) => mount.mountPath)).toContain('/tmp');
}

describe('deploy/kubernetes', () => {
  it('lists every manifest of the folder in kustomization.yaml', () => {
    expect(kustomization).toMatchObject({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
    });
    const files = readdirSync(path.join(ROOT, FOLDER)).filter(
      (file) => file.endsWith('.yaml') && file !== 'kustomization.yaml',
    );
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    expect(kustomization.images.map((image) => image.name)).toEqual([container.image]);
  });

  it("validates every manifest against its API's schema (kubernetes-models)", () => {
    for (const { file, document } of manifests) {
      const Model = MODELS[`${document.apiVersion}/${document.kind}` as keyof typeof MODELS];
      expect(Model, `${file}: ${document.apiVersion} ${document.kind}`).toBeDefined();
      expect(() => new Model(document as never).validate(), file).not.toThrow();
    }
  });

  it('runs the image command with probes on the paths and the port of the app', () => {
    expect(deployment.spec!.replicas).toBeGreaterThanOrEqual(2);
    expect(container.command).toEqual(imageCommand);
    expect(container.ports).toEqual([{ name: 'http', containerPort: imagePort, protocol: 'TCP' }]);
    const probe = (path: string) => ({ httpGet: { path, port: 'http' } });
    expect(container.startupProbe).toMatchObject(probe('/api/health'));
    expect(container.livenessProbe).toMatchObject(probe('/api/health'));
    expect(container.readinessProbe).toMatchObject(probe('/api/ready'));
    const routes = readRepositoryFile('src/server/http/api-handler.ts');
    for (const path of ['/api/health', '/api/ready', '/api/metrics']) {
      expect(routes).toContain(`'${path}'`);
    }
    expect(deployment.spec!.template.metadata!.annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(imagePort),
      'prometheus.io/path': '/api/metrics',
    });
  });

  it('is hardened, with somewhere to write for /tmp and Next', () => {
    expectHardened(podSpec, container);
    expect(container.volumeMounts?.map((mount) => mount.mountPath)).toContain('/app/.next/cache');
  });

  it('outlasts the preStop sleep and the shutdown bound before the kubelet kills it', () => {
    const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
    expect(preStop[0]).toBe('sleep');
    const sleepSeconds = Number(preStop[1]);
    const shutdownMs = parseEnv({
      SHUTDOWN_TIMEOUT_MS: configMap.data?.SHUTDOWN_TIMEOUT_MS,
    }).SHUTDOWN_TIMEOUT_MS;
    expect(sleepSeconds).toBeGreaterThanOrEqual(5);
    expect(podSpec.terminationGracePeriodSeconds).toBeGreaterThan(sleepSeconds + shutdownMs / 1000);
  });

  it('leaves migrations to the Job, which runs the CLI with the same settings', () => {
    expect(configMap.data?.MIGRATE_AT_START).toBe('false');
    const migrate = job.spec!.template.spec!;
    expect(migrate.containers).toHaveLength(1);
    expect(migrate.containers[0]!.image).toBe(container.image);
    expect(migrate.containers[0]!.command?.join(' ')).toBe(MIGRATE_COMMAND);
    expect(['Never', 'OnFailure']).toContain(migrate.restartPolicy);
    expect(job.spec!.backoffLimit).toBeGreaterThan(0);
    expect(job.spec!.ttlSecondsAfterFinished).toBeGreaterThan(0);
    expectHardened(migrate, migrate.containers[0]!, [migrationSecret]);
  });

  it('gives the owner\u2019s login to the migration Job alone, the pods a login of their own', () => {
    expect(secrets).toHaveLength(2);
    expect(Object.keys(migrationSecret.stringData ?? {})).toEqual(['MIGRATION_DATABASE_URL']);
    expect(secret.stringData).not.toHaveProperty('MIGRATION_DATABASE_URL');
    const login = (url: string | undefined) => new URL(url!).username;
    expect(login(secret.stringData?.DATABASE_URL)).not.toBe(
      login(migrationSecret.stringData?.MIGRATION_DATABASE_URL),
    );
    const everyPodSecret = deployment.spec!.template.spec!.containers.flatMap(
      (pod) => pod.envFrom?.map((source) => source.secretRef?.name) ?? [],
    );
    expect(everyPodSecret).not.toContain(migrationSecret.metadata!.name);
  });

  it('points the Service, the budget and the autoscaler at the pods', () => {
    expect(service.spec!.selector).toEqual(podLabels);
    expect(service.spec!.ports?.[0]?.targetPort).toBe('http');
    expect(deployment.spec!.selector.matchLabels).toEqual(podLabels);
    expect(pdb.spec!.selector?.matchLabels).toEqual(podLabels);
    expect(pdb.spec!.minAvailable).toBe(1);
    expect(hpa.spec!.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata!.name,
    });
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec!.metrics?.[0]?.resource?.name).toBe('cpu');
  });

  it('ships Secret templates with nothing real in them', () => {
    for (const template of secrets) {
      for (const [name, value] of Object.entries(template.stringData ?? {})) {
        expect(value, name).toContain('REPLACE_ME');
      }
      expect(template.data).toBeUndefined();
    }
  });
});
