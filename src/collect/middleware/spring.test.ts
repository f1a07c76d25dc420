import { describe, it, expect } from 'vitest';
import { parseSpringYaml, parseSpringProperties, applySpringOverrides, springGet, parseJdbcUrl } from './spring.js';
import { sample } from './__fixtures__/samples.js';

describe('Spring Boot config', () => {
  it('flattens application.yaml with relaxed binding and lines', () => {
    const text = sample('oss/healthy/app/application.yaml');
    const r = parseSpringYaml(text);
    expect(r.errors).toEqual([]);
    const p = springGet(r.model, 'spring.datasource.hikari.maximumPoolSize')!;
    expect(p.value).toBe('20');
    expect(text.split('\n')[p.line! - 1]).toContain('maximum-pool-size: 20');
    expect(springGet(r.model, 'server.port')!.value).toBe('8080');
  });

  it('applies env and --args overrides and resolves placeholders with defaults', () => {
    const r = parseSpringProperties('server.port=${PORT:8080}\nspring.datasource.url=jdbc:postgresql://${DB_HOST:db}:5432/app\nspring.datasource.password=${DB_PASSWORD}\n');
    const o = applySpringOverrides(r.model, { DB_HOST: 'pg', SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE: '7', DB_PASSWORD: undefined }, ['--server.port=9090']);
    expect(springGet(o, 'server.port')).toMatchObject({ value: '9090', origin: 'arg' });
    expect(springGet(o, 'spring.datasource.url')!.value).toBe('jdbc:postgresql://pg:5432/app');
    expect(springGet(o, 'spring.datasource.hikari.maximum-pool-size')!.value).toBe('7');
    expect(springGet(o, 'spring.datasource.password')!.value).toBe('${DB_PASSWORD}');
  });

  it('names the line of a YAML error and keeps the other documents', () => {
    const r = parseSpringYaml('server:\n  port: 8080\n bad: [\n', 'a.yaml');
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors[0].file).toBe('a.yaml');
    expect(r.errors[0].line).toBeGreaterThan(1);
  });

  it('parses JDBC URLs', () => {
    expect(parseJdbcUrl('jdbc:postgresql://postgres.shop-oss.svc.cluster.local:5432/shop')).toEqual({ vendor: 'postgresql', host: 'postgres.shop-oss.svc.cluster.local', port: 5432, database: 'shop' });
    expect(parseJdbcUrl('jdbc:tibero:thin:@tibero:8629:SHOPDB')).toEqual({ vendor: 'tibero', host: 'tibero', port: 8629, database: 'SHOPDB' });
    expect(parseJdbcUrl('jdbc:mysql://db/app?useSSL=false')).toMatchObject({ port: 3306, database: 'app' });
  });
});
