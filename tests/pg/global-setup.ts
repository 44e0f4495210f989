import type { TestProject } from 'vitest/node'
import { migratePg, openPg } from '../../db/pg'
import { TEMPLATE } from '../helpers/pg'
import { startCluster } from '../helpers/pg-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    // postgres://user@host:port/ of the throwaway cluster; tests add a database name.
    pgServer: string
  }
}

// One throwaway cluster for the run and one migrated template database: each test app copies it
// (CREATE DATABASE … TEMPLATE, some 50 ms) instead of migrating its own.
export default async function setup(project: TestProject) {
  const cluster = await startCluster()
  try {
    await createTemplate(cluster.url('postgres'), cluster.url(TEMPLATE))
  } catch (err) {
    cluster.stop()
    throw err
  }
  project.provide('pgServer', cluster.url(''))
  return () => cluster.stop()
}

async function createTemplate(adminUrl: string, templateUrl: string) {
  const admin = openPg(adminUrl, { max: 1 })
  await admin.$client.unsafe(`CREATE DATABASE ${TEMPLATE}`)
  await admin.$client.end()
  const template = openPg(templateUrl, { max: 2 })
  try {
    await migratePg(template)
  } finally {
    await template.$client.end()
  }
}
