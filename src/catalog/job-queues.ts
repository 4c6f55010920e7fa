/**
 * Where job payloads are enqueued, and where they are consumed: data only. Calls are written as
 * chains from an import (see `src/analysis/call-chains.ts`): `new Queue().add()` is `add` called on
 * an object built with `new` from the module's `Queue` export; `default` is the default export;
 * `:param1` is a callback's second parameter; `*` matches one segment (any name).
 * Users add sinks through `settings['scale-auth'].queues`.
 */

/** An argument, and a path of keys inside it (`[]`: every element of an array). */
export interface ArgumentPath {
  /** Argument index; every argument when absent. */
  argument?: number;
  path?: readonly string[];
  /** Read from the call (or construction) that made the receiver: `new Queue("name")`. */
  on?: 'receiver';
}

export interface QueueSink {
  /** Human name used in messages: `BullMQ`, `AWS SQS`. */
  family: string;
  /** Package of the chain's root import; absent for runtime bindings (Cloudflare's `env`). */
  module?: string;
  /** Call chains that enqueue. */
  calls: readonly string[];
  /** Where the payload sits among the call's arguments. */
  payload: readonly ArgumentPath[];
  /** Where the queue, event or task name is, to pair the producer with its consumer. */
  queueName?: readonly ArgumentPath[];
}

const constructed = (exports: readonly string[], methods: readonly string[]): string[] =>
  exports.flatMap((name) => methods.map((method) => `new ${name}().${method}()`));

export const QUEUE_SINKS: readonly QueueSink[] = [
  // docs.bullmq.io/guide/queues/adding-bulks, /guide/flows: `queue.add(name, data, opts)`, `addBulk([{ name, data }])`.
  { family: 'BullMQ', module: 'bullmq', calls: constructed(['Queue'], ['add']), payload: [{ argument: 1 }], queueName: [{ on: 'receiver', argument: 0 }] },
  { family: 'BullMQ', module: 'bullmq', calls: constructed(['Queue'], ['addBulk']), payload: [{ argument: 0, path: ['[]', 'data'] }], queueName: [{ on: 'receiver', argument: 0 }] },
  { family: 'BullMQ', module: 'bullmq', calls: constructed(['FlowProducer'], ['add', 'addBulk']), payload: [{ argument: 0 }], queueName: [{ argument: 0, path: ['queueName'] }] },
  // github.com/bee-queue/bee-queue#creating-jobs: `queue.createJob(data).save()`.
  { family: 'Bee-Queue', module: 'bee-queue', calls: constructed(['default'], ['createJob']), payload: [{ argument: 0 }], queueName: [{ on: 'receiver', argument: 0 }] },
  // github.com/timgit/pg-boss docs/api: `send(name, data, options)`, `send({ name, data })`, `sendAfter(name, data, options, after)`, `insert([{ name, data }])`.
  { family: 'pg-boss', module: 'pg-boss', calls: constructed(['default', 'PgBoss'], ['send', 'sendAfter', 'sendThrottled', 'sendDebounced', 'sendSingleton']), payload: [{ argument: 1 }, { argument: 0, path: ['data'] }], queueName: [{ argument: 0 }, { argument: 0, path: ['name'] }] },
  { family: 'pg-boss', module: 'pg-boss', calls: constructed(['default', 'PgBoss'], ['insert']), payload: [{ argument: 0, path: ['[]', 'data'] }, { argument: 1, path: ['[]', 'data'] }], queueName: [{ argument: 0 }] },
  // agendajs: `agenda.now(name, data)`, `schedule(when, name, data)`, `every(interval, name, data)`.
  { family: 'Agenda', module: 'agenda', calls: constructed(['default', 'Agenda'], ['now']), payload: [{ argument: 1 }], queueName: [{ argument: 0 }] },
  { family: 'Agenda', module: 'agenda', calls: constructed(['default', 'Agenda'], ['schedule', 'every']), payload: [{ argument: 2 }], queueName: [{ argument: 1 }] },
  { family: 'Agenda', module: '@hokify/agenda', calls: constructed(['Agenda'], ['now']), payload: [{ argument: 1 }], queueName: [{ argument: 0 }] },
  { family: 'Agenda', module: '@hokify/agenda', calls: constructed(['Agenda'], ['schedule', 'every']), payload: [{ argument: 2 }], queueName: [{ argument: 1 }] },
  // inngest.com/docs/reference/typescript/v3/events/send: `inngest.send({ name, data, user })` or an array.
  { family: 'Inngest', module: 'inngest', calls: constructed(['Inngest'], ['send']), payload: [{ argument: 0, path: ['data'] }, { argument: 0, path: ['user'] }, { argument: 0, path: ['[]', 'data'] }], queueName: [{ argument: 0, path: ['name'] }] },
  // .../functions/step-send-event: `step.sendEvent(id, { name, data })` inside a function handler.
  { family: 'Inngest', module: 'inngest', calls: ['new Inngest().createFunction():param0.step.sendEvent()'], payload: [{ argument: 1, path: ['data'] }, { argument: 1, path: ['[]', 'data'] }], queueName: [{ argument: 1, path: ['name'] }] },
  // trigger.dev/docs/triggering: `tasks.trigger(id, payload)`, `tasks.batchTrigger(id, [{ payload }])`, `myTask.trigger(payload)`.
  ...['@trigger.dev/sdk', '@trigger.dev/sdk/v3'].flatMap((module): QueueSink[] => [
    { family: 'Trigger.dev', module, calls: ['tasks.trigger()', 'tasks.triggerAndWait()'], payload: [{ argument: 1 }], queueName: [{ argument: 0 }] },
    { family: 'Trigger.dev', module, calls: ['tasks.batchTrigger()'], payload: [{ argument: 1, path: ['[]', 'payload'] }], queueName: [{ argument: 0 }] },
    { family: 'Trigger.dev', module, calls: ['task().trigger()', 'schemaTask().trigger()', 'task().triggerAndWait()', 'schemaTask().triggerAndWait()'], payload: [{ argument: 0 }], queueName: [{ on: 'receiver', argument: 0, path: ['id'] }] },
    { family: 'Trigger.dev', module, calls: ['task().batchTrigger()', 'schemaTask().batchTrigger()'], payload: [{ argument: 0, path: ['[]', 'payload'] }], queueName: [{ on: 'receiver', argument: 0, path: ['id'] }] },
  ]),
  // docs.aws.amazon.com/AWSJavaScriptSDK/v3 (client-sqs): `new SendMessageCommand({ QueueUrl, MessageBody })`.
  { family: 'AWS SQS', module: '@aws-sdk/client-sqs', calls: ['new SendMessageCommand()'], payload: [{ argument: 0, path: ['MessageBody'] }, { argument: 0, path: ['MessageAttributes'] }] },
  { family: 'AWS SQS', module: '@aws-sdk/client-sqs', calls: ['new SendMessageBatchCommand()'], payload: [{ argument: 0, path: ['Entries', '[]', 'MessageBody'] }, { argument: 0, path: ['Entries', '[]', 'MessageAttributes'] }] },
  // aws-sdk v2: `new AWS.SQS().sendMessage({ MessageBody })`.
  { family: 'AWS SQS', module: 'aws-sdk', calls: ['new SQS().sendMessage()'], payload: [{ argument: 0, path: ['MessageBody'] }] },
  // cloud.google.com/tasks/docs/creating-http-target-tasks: `client.createTask({ parent, task: { httpRequest: { body, headers } } })`.
  {
    family: 'Google Cloud Tasks',
    module: '@google-cloud/tasks',
    calls: constructed(['CloudTasksClient'], ['createTask']),
    payload: ['httpRequest', 'appEngineHttpRequest'].flatMap((request) => [{ argument: 0, path: ['task', request, 'body'] }, { argument: 0, path: ['task', request, 'headers'] }]),
  },
  // cloud.google.com/pubsub/docs/publisher: `pubsub.topic(name).publishMessage({ data, json, attributes })`.
  { family: 'Google Pub/Sub', module: '@google-cloud/pubsub', calls: ['new PubSub().topic().publishMessage()', 'new PubSub().topic().publishJSON()', 'new PubSub().topic().publish()'], payload: [{ argument: 0 }, { argument: 1 }], queueName: [{ on: 'receiver', argument: 0 }] },
  // amqp-node.github.io/amqplib/channel_api.html: `channel.sendToQueue(queue, content, options)`, `publish(exchange, key, content, options)`.
  ...['amqplib', 'amqplib/callback_api'].flatMap((module): QueueSink[] => [
    { family: 'amqplib', module, calls: ['connect().*().sendToQueue()', 'connect():param1.*():param1.sendToQueue()'], payload: [{ argument: 1 }, { argument: 2, path: ['headers'] }], queueName: [{ argument: 0 }] },
    { family: 'amqplib', module, calls: ['connect().*().publish()', 'connect():param1.*():param1.publish()'], payload: [{ argument: 2 }, { argument: 3, path: ['headers'] }] },
  ]),
  // upstash.com/docs/qstash/sdks/ts: `client.publishJSON({ url, body, headers })`, `client.queue({ queueName }).enqueueJSON(…)`.
  { family: 'Upstash QStash', module: '@upstash/qstash', calls: ['new Client().publishJSON()', 'new Client().publish()', 'new Client().batchJSON()', 'new Client().queue().enqueueJSON()', 'new Client().queue().enqueue()'], payload: [{ argument: 0, path: ['body'] }, { argument: 0, path: ['headers'] }, { argument: 0, path: ['[]', 'body'] }] },
  // learn.microsoft.com/javascript/api/@azure/service-bus: `client.createSender(queue).sendMessages({ body, applicationProperties })`.
  { family: 'Azure Service Bus', module: '@azure/service-bus', calls: ['new ServiceBusClient().createSender().sendMessages()', 'new ServiceBusClient().createSender().scheduleMessages()'], payload: [{ argument: 0, path: ['body'] }, { argument: 0, path: ['applicationProperties'] }, { argument: 0, path: ['[]', 'body'] }], queueName: [{ on: 'receiver', argument: 0 }] },
  // kafka.js.org/docs/producing: `producer.send({ topic, messages: [{ value, headers }] })`.
  { family: 'Kafka', module: 'kafkajs', calls: ['new Kafka().producer().send()'], payload: [{ argument: 0, path: ['messages', '[]', 'value'] }, { argument: 0, path: ['messages', '[]', 'headers'] }], queueName: [{ argument: 0, path: ['topic'] }] },
  // docs.temporal.io/develop/typescript/temporal-client: `client.workflow.start(workflow, { args, taskQueue })`.
  { family: 'Temporal', module: '@temporalio/client', calls: ['new Client().workflow.start()', 'new Client().workflow.execute()', 'new Client().workflow.signalWithStart()', ...constructed(['WorkflowClient'], ['start', 'execute', 'signalWithStart'])], payload: [{ argument: 1, path: ['args'] }, { argument: 1, path: ['signalArgs'] }, { argument: 1, path: ['memo'] }] },
  // developers.cloudflare.com/queues/configuration/javascript-apis: `env.QUEUE.send(body)`, `sendBatch([{ body }])`,
  // with `env` the second parameter of the Worker's handlers, Hono's `c.env`, or `cloudflare:workers`.
  { family: 'Cloudflare Queues', calls: ['default-export.*:param1.*.send()'], payload: [{ argument: 0 }] },
  { family: 'Cloudflare Queues', calls: ['default-export.*:param1.*.sendBatch()'], payload: [{ argument: 0, path: ['[]', 'body'] }] },
  { family: 'Cloudflare Queues', module: 'hono', calls: ['new Hono().*():param0.env.*.send()'], payload: [{ argument: 0 }] },
  { family: 'Cloudflare Queues', module: 'hono', calls: ['new Hono().*():param0.env.*.sendBatch()'], payload: [{ argument: 0, path: ['[]', 'body'] }] },
  { family: 'Cloudflare Queues', module: 'cloudflare:workers', calls: ['env.*.send()'], payload: [{ argument: 0 }] },
  { family: 'Cloudflare Queues', module: 'cloudflare:workers', calls: ['env.*.sendBatch()'], payload: [{ argument: 0, path: ['[]', 'body'] }] },
  // langchain-ai.github.io/langgraphjs (SDK `client.runs`, `client.crons`): `config.configurable` reaches every node,
  // which runs later, resumed or retried, on the LangGraph server.
  { family: 'LangGraph', module: '@langchain/langgraph-sdk', calls: constructed(['Client'], ['runs.create', 'runs.stream', 'runs.wait', 'crons.createForThread']), payload: [{ argument: 2, path: ['config', 'configurable'] }], queueName: [{ argument: 1 }] },
  { family: 'LangGraph', module: '@langchain/langgraph-sdk', calls: constructed(['Client'], ['crons.create']), payload: [{ argument: 1, path: ['config', 'configurable'] }], queueName: [{ argument: 0 }] },
];

/** Where a consumer registers the function that runs each job, and how that function reaches the payload. */
export interface QueueConsumer {
  family: string;
  module?: string;
  calls: readonly string[];
  /** The queue, event or task name it consumes. */
  queueName: readonly ArgumentPath[];
  /** The processor function: an argument (`-1`: the last), or a key inside one (`run` of Trigger.dev's options). */
  processor: { argument: number; path?: readonly string[] };
  /** Paths from the processor's first parameter to the payload (alternatives; `[]`: an element). */
  payload: readonly (readonly string[])[];
}

export const QUEUE_CONSUMERS: readonly QueueConsumer[] = [
  // docs.bullmq.io/guide/workers: `new Worker(queueName, async (job) => job.data)`.
  { family: 'BullMQ', module: 'bullmq', calls: ['new Worker()'], queueName: [{ argument: 0 }], processor: { argument: 1 }, payload: [['data']] },
  // pg-boss `work(name, [options], handler)`: v10 hands an array of jobs, v9 one job.
  { family: 'pg-boss', module: 'pg-boss', calls: constructed(['default', 'PgBoss'], ['work']), queueName: [{ argument: 0 }], processor: { argument: -1 }, payload: [['data'], ['[]', 'data']] },
  // agendajs `define(name, [options], async (job) => job.attrs.data)`.
  ...['agenda', '@hokify/agenda'].map((module): QueueConsumer => ({ family: 'Agenda', module, calls: constructed(['default', 'Agenda'], ['define']), queueName: [{ argument: 0 }], processor: { argument: -1 }, payload: [['attrs', 'data']] })),
  // Inngest v3 `createFunction(options, { event }, handler)`, v4 `createFunction({ triggers: { event } }, handler)`.
  { family: 'Inngest', module: 'inngest', calls: constructed(['Inngest'], ['createFunction']), queueName: [{ argument: 1, path: ['event'] }, { argument: 0, path: ['triggers', 'event'] }, { argument: 0, path: ['triggers', '[]', 'event'] }], processor: { argument: -1 }, payload: [['event', 'data']] },
  // trigger.dev/docs/tasks/overview: `task({ id, run: async (payload) => … })`.
  ...['@trigger.dev/sdk', '@trigger.dev/sdk/v3'].map((module): QueueConsumer => ({ family: 'Trigger.dev', module, calls: ['task()', 'schemaTask()'], queueName: [{ argument: 0, path: ['id'] }], processor: { argument: 0, path: ['run'] }, payload: [[]] })),
];

/** Cloudflare's consumer is the Worker's `queue(batch, env)` handler; a message's payload is its `body`. */
export const CLOUDFLARE_QUEUE_HANDLER = { family: 'Cloudflare Queues', method: 'queue', payload: ['messages', '[]', 'body'] } as const;
