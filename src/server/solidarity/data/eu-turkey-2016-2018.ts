// The figures the European Commission published on the 1:1 scheme of the EU-Turkey statement of
// 18 March 2016: cumulative counts at report dates, each with its source (see README.md). The
// demonstration data is imported from this table, the same way a user imports the file.

/**
 * Syrians resettled from Turkey to the EU and persons returned from the Greek islands to Turkey,
 * cumulative since the statement took effect (20 March 2016), at four report dates from September
 * 2016 to March 2018. The last row is approximate, as its source says ("about").
 */
export const ONE_FOR_ONE_PROGRESS_CSV = `as_of,syrians_resettled_from_turkey_cumulative,returns_to_turkey_cumulative,approximate,returns_definition,source_document,source_url
2016-09-26,1614,578,no,migrants returned from the Greek islands to Turkey since the Statement (as reported),Third Report on the Progress made in the implementation of the EU-Turkey Statement COM(2016) 634 (28 Sep 2016),https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A52016DC0634
2016-12-20,2672,801,no,persons returned from Greece to Turkey under the Statement (March to 20 December 2016),Commission report published early 2017 as summarised by the Asylum Protection Center (azil.rs),http://azil.rs/en/the-implementation-of-the-eu-turkey-statement/
2017-02-27,3565,1487,no,returns since the Statement was activated (all returns operations),Fifth Report on the Progress made in the implementation of the EU-Turkey Statement (2 Mar 2017),http://www.avrupa.info.tr/en/pr/today-2-march-european-commission-published-its-fifth-report-progress-made-implementation-eu
2018-03-01,12500,2200,yes,people returned from Greece under the 1:1 mechanism (about; 12600 more returned voluntarily under other schemes),EU Forecast summary of Commission figures (Dec 2017 to Mar 2018),http://euforecast.com/commerce-and-industry/markets-and-investment/many-projects-for-syrian-refugees/2017/12/21/
`;
