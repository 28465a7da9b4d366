// KITH messages written for the kith tests: a valid AppRec 1.1 and a valid MsgHead 1.2 carrying a
// Dialogmelding 1.1, each with a hole for the part a test breaks. Identity numbers are generated
// (SyntPop, month + 65), never real people.

import { makeNin } from '../helpers/nin';

/** A synthetic SyntPop fødselsnummer (month + 65). */
export const SYNTPOP_FNR = makeNin(14, 7 + 65, 77, 401);

export interface AppRecParts {
  msgType?: string;
  mig?: string;
  id?: string;
  status?: string;
  errors?: string;
  original?: string;
  genDate?: string;
}

export function appRec(p: AppRecParts = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<AppRec xmlns="http://www.kith.no/xmlstds/apprec/2012-02-15">
  <MsgType V="${p.msgType ?? 'APPREC'}" DN="Applikasjonskvittering"/>
  <MIGversion>${p.mig ?? 'v1.1 2012-02-15'}</MIGversion>
  <GenDate>${p.genDate ?? '2026-11-20T10:00:00'}</GenDate>
  <Id>${p.id ?? '5d79bd68-a58c-4599-a4e7-9db28ea20099'}</Id>
  <Sender>
    <HCP><Inst><Name>Legekontoret</Name><Id>8142987</Id><TypeId V="HER" DN="HER-id"/></Inst></HCP>
  </Sender>
  <Receiver>
    <HCP><Inst><Name>Sykehuset</Name><Id>8143060</Id><TypeId V="HER" DN="HER-id"/></Inst></HCP>
  </Receiver>
  ${p.status ?? '<Status V="1" DN="OK"/>'}
  ${p.errors ?? ''}
  ${
    p.original ??
    `<OriginalMsgId>
    <MsgType V="DIALOG_HELSEFAGLIG" DN="Helsefaglig dialog"/>
    <IssueDate>2026-11-20T09:59:00</IssueDate>
    <Id>f6d24037-a43f-4509-8dfa-88b578554858</Id>
  </OriginalMsgId>`
  }
</AppRec>
`;
}

export interface MsgHeadParts {
  type?: string;
  mig?: string;
  msgId?: string;
  genDate?: string;
  senderIdents?: string;
  receiverIdents?: string;
  patientIdent?: string;
  hcp?: string;
  tema?: string;
  document?: string;
}

const her = (id: string) => `<Ident><Id>${id}</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident>`;

export function msgHead(p: MsgHeadParts = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">
  <MsgInfo>
    <Type V="${p.type ?? 'DIALOG_HELSEFAGLIG'}" DN="Helsefaglig dialog"/>
    <MIGversion>${p.mig ?? 'v1.2 2006-05-24'}</MIGversion>
    <GenDate>${p.genDate ?? '2026-11-20T10:00:00'}</GenDate>
    <MsgId>${p.msgId ?? '615aba81-6a88-41d1-a9f5-90b28cfc8b73'}</MsgId>
    <Sender>
      <Organisation>
        <OrganisationName>Legekontoret</OrganisationName>
        ${p.senderIdents ?? her('112374')}
        ${p.hcp ?? ''}
      </Organisation>
    </Sender>
    <Receiver>
      <Organisation>
        <OrganisationName>Sykehuset</OrganisationName>
        ${p.receiverIdents ?? her('8142987')}
      </Organisation>
    </Receiver>
    <Patient>
      <FamilyName>Lukt</FamilyName>
      <GivenName>Allsidig</GivenName>
      ${p.patientIdent ?? `<Ident><Id>${SYNTPOP_FNR}</Id><TypeId V="FNR" DN="Fødselsnummer" S="2.16.578.1.12.4.1.1.8116"/></Ident>`}
    </Patient>
  </MsgInfo>
  ${
    p.document ??
    `<Document>
    <RefDoc>
      <MsgType V="XML" DN="XML-instans"/>
      <Content>
        <Dialogmelding xmlns="http://www.kith.no/xmlstds/dialog/2013-01-23">
          <Notat>
            ${p.tema ?? '<TemaKodet V="8" DN="Forespørsel om helseopplysninger" S="2.16.578.1.12.4.1.1.7322"/>'}
            <TekstNotatInnhold>Hei</TekstNotatInnhold>
          </Notat>
        </Dialogmelding>
      </Content>
    </RefDoc>
  </Document>`
  }
</MsgHead>
`;
}

export { her };
