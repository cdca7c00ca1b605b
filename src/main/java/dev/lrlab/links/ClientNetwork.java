package dev.lrlab.links;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key a rate limit counts a client under: its network, not its exact address. An IPv4 address
 * is its own key (a whole lecture hall behind one NAT is one key, which the limits are sized for);
 * an IPv6 address counts by its /64 prefix, because one host usually owns a whole /64 and could
 * otherwise take a fresh address for every request; an IPv4-mapped IPv6 address
 * ({@code ::ffff:192.0.2.1}) counts as its IPv4 address. Anything else (no address) is its own key.
 */
public final class ClientNetwork {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** An IPv6 literal (maybe with an embedded IPv4 part or a zone): only these reach InetAddress, so no lookup. */
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z._-]+)?]?");

    private ClientNetwork() {
    }

    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "-";
        }
        String a = address.strip();
        if (IPV4.matcher(a).matches()) {
            return a;
        }
        if (!IPV6.matcher(a).matches()) {
            return a.length() > 64 ? a.substring(0, 64) : a;
        }
        String literal = a.replace("[", "").replace("]", "").replaceFirst("%.*$", "");
        InetAddress ip;
        try {
            ip = InetAddress.getByName(literal); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return a.length() > 64 ? a.substring(0, 64) : a;
        }
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress(); // ::ffff:a.b.c.d arrives here as a.b.c.d
        }
        byte[] b = ((Inet6Address) ip).getAddress();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return key.append(":/64").toString();
    }
}
