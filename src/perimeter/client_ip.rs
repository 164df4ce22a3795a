//! The client's address, behind the deployment's proxy or not.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;

/// The address a request comes from: the peer, or, when the peer is a proxy on this machine or
/// its private network (the deployment's nginx), the address that proxy reports.
pub fn client_ip(peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
    let peer = peer.ip();
    if !is_local(peer) {
        return peer;
    }
    let reported = headers
        .get("x-real-ip")
        .and_then(|value| value.to_str().ok())
        .or_else(|| {
            headers
                .get("x-forwarded-for")
                .and_then(|value| value.to_str().ok())
                .and_then(|list| list.rsplit(',').next())
        })
        .and_then(|ip| ip.trim().parse().ok());
    reported.unwrap_or(peer)
}

fn is_local(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => ip.is_loopback() || ip.is_private(),
        IpAddr::V6(ip) => {
            ip.is_loopback()
                || ip.is_unique_local()
                || ip
                    .to_ipv4_mapped()
                    .is_some_and(|ip| ip.is_loopback() || ip.is_private())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_proxy_reports_the_client() {
        let proxy: SocketAddr = "172.18.0.5:40000".parse().unwrap();
        let outside: SocketAddr = "203.0.113.9:40000".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "198.51.100.1, 198.51.100.7".parse().unwrap(),
        );
        assert_eq!(
            client_ip(proxy, &headers),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            client_ip(outside, &headers),
            "203.0.113.9".parse::<IpAddr>().unwrap(),
            "a client on the internet cannot pick its own address"
        );
        assert_eq!(
            client_ip(proxy, &HeaderMap::new()),
            "172.18.0.5".parse::<IpAddr>().unwrap()
        );
    }
}
