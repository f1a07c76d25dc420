import { describe, it, expect } from 'vitest';
import { parseJeus, looksLikeJeus } from './jeus.js';
import { sample } from './__fixtures__/samples.js';

describe('parseJeus', () => {
  it('reads connectors and data sources of the healthy domain.xml with lines', () => {
    const text = sample('tmax/healthy/jeus/domain.xml');
    const r = parseJeus(text);
    expect(r.errors).toEqual([]);
    expect(looksLikeJeus(text)).toBe(true);
    const c = r.model.connectors[0];
    expect(c).toMatchObject({ server: 'server1', name: 'webtob1', pipe: false });
    expect(c.port!.value).toBe(9900);
    expect(text.split('\n')[c.port!.line - 1]).toContain('<port>9900</port>');
    expect(c.registrationId!.value).toBe('shopsvr');
    expect(c.threads!.value).toBe(20);
    const ds = r.model.dataSources[0];
    expect(ds).toMatchObject({ id: 'ds_shop', vendor: 'tibero' });
    expect(ds.portNumber!.value).toBe(8629);
    expect(ds.poolMax!.value).toBe(50);
    expect(r.model.servers[0].dataSourceRefs.map((d) => d.value)).toEqual(['ds_shop']);
    expect(r.model.servers[0].jvmOptions[0].value).toContain('-Xmx1536m');
  });

  it('reads the JEUS 6 WEBMain.xml and JEUSMain.xml layouts', () => {
    const web = parseJeus('<web-container><context-group><webserver-connection><webtob-listener>\n<listener-id>w1</listener-id><port>9900</port>\n<webtob-address>webtob</webtob-address><registration-id>MyGroup</registration-id><thread-pool><min>5</min><max>10</max></thread-pool>\n</webtob-listener></webserver-connection></context-group></web-container>', 'WEBMain.xml');
    expect(web.model.layout).toBe('jeus6-web');
    expect(web.model.connectors[0]).toMatchObject({ name: 'w1', port: { value: 9900 }, registrationId: { value: 'MyGroup' }, threads: { value: 10 } });
    const main = parseJeus('<jeus-system><resource><data-source><database><export-name>jdbc/x</export-name><vendor>tibero</vendor><port-number>8629</port-number><connection-pool><pooling><max>30</max></pooling></connection-pool></database></data-source></resource></jeus-system>');
    expect(main.model.dataSources[0]).toMatchObject({ id: 'jdbc/x', portNumber: { value: 8629 }, poolMax: { value: 30 } });
  });

  it('a broken tag is reported with its line and the rest still parses', () => {
    const r = parseJeus('<domain xmlns="http://www.tmaxsoft.com/xml/ns/jeus">\n<servers><server><name>s</name>\n<data-sources><data-source>ds</data-source>\n</server></servers>\n</domain>', 'd.xml');
    expect(r.errors[0]).toMatchObject({ file: 'd.xml', line: 4 });
    expect(r.errors[0].message).toContain('line 3');
    expect(r.model.servers[0].dataSourceRefs[0].value).toBe('ds');
  });
});
