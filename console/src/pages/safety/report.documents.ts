import { graphql } from "../../gql";

export const ReportDocument = graphql(`
  query Report($id: ID!) {
    report(id: $id) { ...ReportFields }
  }
`);
